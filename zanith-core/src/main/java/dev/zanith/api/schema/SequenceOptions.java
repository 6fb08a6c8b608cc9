package dev.zanith.api.schema;

/** The numbering options of a sequence or identity column. */
public record SequenceOptions(String dataType, long start, long increment, long minValue, long maxValue,
                              long cache, boolean cycle) {

    public SequenceOptions {
        Lists.require(dataType, "sequence data type");
    }
}

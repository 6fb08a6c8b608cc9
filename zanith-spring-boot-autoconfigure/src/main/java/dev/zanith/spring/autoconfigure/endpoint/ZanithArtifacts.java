package dev.zanith.spring.autoconfigure.endpoint;

import dev.zanith.Zanith;

import java.util.List;

/** The endpoint's view of recovery artifacts. REPLACED AT THE RECOVERY MERGE (temporary adapter). */
final class ZanithArtifacts {

    private final Zanith zanith;

    ZanithArtifacts(Zanith zanith) {
        this.zanith = zanith;
    }

    long liveCount() {
        return 0;
    }

    List<Object> list() {
        return List.of();
    }

    Object get(String id) {
        return null;
    }

    Object restore(String id) {
        return null;
    }

    Object purge(String id) {
        return null;
    }

    Zanith zanith() {
        return zanith;
    }
}

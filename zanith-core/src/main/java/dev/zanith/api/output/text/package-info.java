/**
 * The text Zanith's front ends print for people, in one place: the CLI writes it to a terminal (with color and
 * progress bars there), the Maven plugin to the build log. Each renderer writes lines to a {@link
 * dev.zanith.api.output.text.TextOutput}; styling is a no-op unless the output says it shows color.
 */
@NullMarked
package dev.zanith.api.output.text;

import org.jspecify.annotations.NullMarked;

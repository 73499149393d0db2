/**
 * The command line ({@code bin/glauber}): a thin picocli layer over the public classes of the other
 * packages, mostly {@code job} (what a command runs). A command parses and validates its options, builds the library's settings (which
 * validate themselves) before it opens any output, calls one library entry point and prints.
 * Errors reach the user as one line on stderr and a non-zero exit code; {@code --debug} adds the
 * stack trace.
 *
 * <p>At the top of the dependency picture, as ArchitectureTest enforces: it may depend on every
 * other package, {@code bench} included, and no package depends on it.
 */
package io.glauber.cli;

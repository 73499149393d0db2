/**
 * The command line ({@code bin/glauber}): a thin picocli layer over the public classes of the other
 * packages. Errors reach the user as one line on stderr and a non-zero exit code; {@code --debug}
 * adds the stack trace.
 *
 * <p>Depends on everything below it; nothing depends on it.
 */
package io.glauber.cli;

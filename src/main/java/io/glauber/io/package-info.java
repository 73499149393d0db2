/**
 * Reading and writing files: NumPy {@code .npy}/{@code .npz} arrays (model files), sample files
 * (CSV or {@code .npy}), JSON-lines metrics, and PNG image grids, among them the layout of the
 * conditional-generation pictures ({@link io.glauber.io.ConditionalGrids}) that every engine fills.
 *
 * <p>Every writer goes through {@link io.glauber.io.AtomicFiles}: output is written to a temporary
 * file in the target's directory and renamed into place, so a reader never sees half a file, a failed
 * write leaves nothing behind, and a JVM stopped mid-write (SIGTERM) deletes its temporary
 * files in a shutdown hook; an existing file is only replaced when the caller passes {@code force}.
 *
 * <p>Errors carry one line of message that names the file and the problem, so that the command line
 * can print {@code getMessage()} as it is: {@link io.glauber.io.FormatException} for bad content,
 * {@link java.io.UncheckedIOException} for I/O failures, {@link IllegalArgumentException} for bad
 * arguments.
 *
 * <p>Depends on {@code model} (for {@link io.glauber.io.ModelFiles}) and {@code data} (its CSV
 * reader) only, as ArchitectureTest enforces; engines, {@code evaluate}, {@code hopfield},
 * {@code bench} and {@code cli} use it. Outside the JDK it uses Jackson (JSON lines) and XChart
 * (line plots).
 */
package io.glauber.io;

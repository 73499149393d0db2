package io.glauber.io;

/**
 * A file whose content is not what its format requires (bad magic, unsupported dtype, truncated
 * data). The message is one line naming the file and the problem, e.g.
 * {@code "model.npz: W.npy: truncated: expected 3136 bytes of data, found 1200"}.
 */
public class FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A format error with a one-line message naming the file and the problem. */
    public FormatException(String message) {
        super(message);
    }

    /** A format error caused by {@code cause}, with a one-line message naming the file and the problem. */
    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

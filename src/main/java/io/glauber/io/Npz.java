package io.glauber.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The NumPy {@code .npz} format: a zip archive holding one {@code NAME.npy} entry per array, as
 * written by {@code numpy.savez} (stored entries) and {@code numpy.savez_compressed} (deflated
 * entries). Model files use it (see DESIGN.md, "Model files").
 */
public final class Npz {

    private Npz() {
    }

    /**
     * Reads every {@code NAME.npy} entry of an archive, keyed by {@code NAME}, in archive order.
     * Entries not ending in {@code .npy} are ignored.
     *
     * @throws UncheckedIOException {@code "no such file: PATH"} or another I/O failure naming the path
     * @throws FormatException      if the archive is corrupt or truncated, or an entry is not a supported array
     */
    public static Map<String, NdArray> read(Path path) {
        if (!Files.exists(path)) {
            throw AtomicFiles.unchecked(path, new NoSuchFileException(path.toString()));
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry e = all.nextElement();
                String name = e.getName();
                if (e.isDirectory() || !name.endsWith(".npy")) {
                    continue;
                }
                try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(e), new CRC32())) {
                    arrays.put(name.substring(0, name.length() - 4), Npy.read(in, path + ": " + name));
                    in.transferTo(OutputStream.nullOutputStream());
                    // ZipFile does not check CRCs; stored entries would pass corruption on silently
                    if (e.getCrc() != -1 && in.getChecksum().getValue() != e.getCrc()) {
                        throw new FormatException(path + ": " + name + ": corrupt entry (CRC mismatch)");
                    }
                } catch (ZipException | java.io.EOFException ex) {
                    throw new FormatException(path + ": " + name + ": corrupt or truncated entry (" + ex.getMessage() + ")", ex);
                }
            }
        } catch (ZipException e) {
            throw new FormatException(path + ": not a valid .npz (zip) file, corrupt or truncated (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw AtomicFiles.unchecked(path, e);
        }
        return arrays;
    }

    /**
     * Writes the arrays as stored (uncompressed) {@code NAME.npy} entries, like {@code numpy.savez},
     * atomically; an existing file is replaced only if {@code force}.
     *
     * @throws IllegalArgumentException if a name is empty or contains {@code /}
     * @throws UncheckedIOException     {@code "PATH exists; use --force to overwrite"} or an I/O failure
     */
    public static void write(Path path, Map<String, NdArray> arrays, boolean force) {
        for (String name : arrays.keySet()) {
            if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
                throw new IllegalArgumentException("array name '" + name + "': expected a non-empty name without slashes");
            }
        }
        AtomicFiles.write(path, force, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, NdArray> a : arrays.entrySet()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                Npy.write(bytes, a.getValue());
                byte[] b = bytes.toByteArray();
                CRC32 crc = new CRC32();
                crc.update(b);
                ZipEntry e = new ZipEntry(a.getKey() + ".npy");
                e.setMethod(ZipEntry.STORED);
                e.setSize(b.length);
                e.setCompressedSize(b.length);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(b);
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}

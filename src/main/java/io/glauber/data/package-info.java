/**
 * Training and test data: the immutable {@link io.glauber.data.Dataset} (rows of unit values, with
 * optional labels and image geometry) and {@link io.glauber.data.DataSpecs}, which turns a data spec
 * of DESIGN.md ({@code bas:4x4}, {@code encoder:4-2-4}, {@code patterns:random?n=100&count=10&seed=1},
 * {@code idx:PATH?binarize=0.5&limit=N}, {@code csv:PATH}) into a data set, generating it or reading
 * MNIST IDX and CSV files (IDX images optionally downsampled by block means, labels checked
 * against a number of classes). {@link io.glauber.data.LabelUnits} appends one-hot label units to
 * a labelled data set (the joint data of classification by clamping). {@link io.glauber.data.Shuffle} is the one Fisher–Yates shuffle, here
 * at the ground so that every package that shuffles rows or units may use it.
 *
 * <p>This package is at the ground of the dependency picture: it depends on nothing of ours (and on
 * nothing outside the JDK). Bad specs and bad file content raise {@link IllegalArgumentException},
 * I/O failures {@link java.io.UncheckedIOException}, each with a one-line message naming the spec or
 * file and the problem.
 */
package io.glauber.data;

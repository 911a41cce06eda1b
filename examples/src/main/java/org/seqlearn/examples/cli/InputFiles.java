package org.seqlearn.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the files a command was given before any work is spent on them, and gives the errors of
 * reading or writing them the file's name. Every problem is an {@link InputFileException} whose
 * message reads {@code <label> <file>: <problem>}, e.g. {@code --train corpus.txt: no such file}.
 */
final class InputFiles {

  private InputFiles() {}

  /** Something that reads or writes a file. */
  @FunctionalInterface
  interface FileWork<T> {
    T run() throws IOException;
  }

  /**
   * Requires {@code file} to be an existing, readable regular file.
   *
   * @param label how the user named it: an option ({@code --train}) or a parameter label
   */
  static void requireReadable(Path file, String label) {
    if (!Files.exists(file)) {
      throw new InputFileException(label + " " + file + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw new InputFileException(label + " " + file + ": is a directory, expected a file");
    }
    if (!Files.isReadable(file)) {
      throw new InputFileException(label + " " + file + ": permission denied");
    }
  }

  /** Requires that {@code file} can be created or replaced (its directory exists, writable). */
  static void requireWritable(Path file, String label) {
    if (Files.isDirectory(file)) {
      throw new InputFileException(label + " " + file + ": is a directory, expected a file");
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || !Files.exists(dir)) {
      throw new InputFileException(label + " " + file + ": directory " + dir
          + " does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw new InputFileException(label + " " + file + ": " + dir + " is not a directory");
    }
    if (!Files.isWritable(dir)) {
      throw new InputFileException(label + " " + file + ": cannot write in directory " + dir
          + ": permission denied");
    }
  }

  /** Requires {@code dir} to be an existing, writable directory. */
  static void requireWritableDirectory(Path dir, String label) {
    if (!Files.isDirectory(dir)) {
      throw new InputFileException(label + " " + dir + ": "
          + (Files.exists(dir) ? "is not a directory" : "no such directory"));
    }
    if (!Files.isWritable(dir)) {
      throw new InputFileException(label + " " + dir + ": permission denied");
    }
  }

  /**
   * Runs {@code work} on {@code file}; an I/O error or a rejected content (an {@link
   * IllegalArgumentException}) becomes an {@link InputFileException} naming the file, unless its
   * message already does. Other exceptions (bugs) pass through unchanged.
   */
  static <T> T using(Path file, String label, FileWork<T> work) throws InputFileException {
    try {
      return work.run();
    } catch (InputFileException e) {
      throw e;
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      String problem = Failures.describe(e);
      Path name = file.getFileName();
      boolean named = problem.contains(file.toString())
          || (name != null && problem.contains(name.toString()));
      throw new InputFileException(named ? problem : label + " " + file + ": " + problem, e);
    }
  }
}

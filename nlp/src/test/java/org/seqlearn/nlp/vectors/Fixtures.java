package org.seqlearn.nlp.vectors;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The gensim fixtures written by tools/gen_wordvector_fixtures.py. */
final class Fixtures {

  private Fixtures() {}

  static Path path(String name) {
    URL url = Fixtures.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("missing fixture " + name
          + "; run /usr/bin/python3 tools/gen_wordvector_fixtures.py");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject expected() {
    try {
      return JsonParser.parseString(Files.readString(path("expected.json"),
          StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.seqlearn.attention.dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The date generator, the splits and the vocabulary. */
class DateDataTest {

  @Test
  void formatsCoverTheCoursesExamplesInSeveralLanguages() {
    LocalDate d = LocalDate.of(1979, 5, 3);
    Set<String> all = new HashSet<>();
    for (int f = 0; f < HumanDateFormats.count(); f++) {
      all.add(HumanDateFormats.format(d, f));
    }
    assertThat(all).contains("3 may 1979", "thursday may 3 1979", "03/05/79", "3 mai 1979",
        "3. mai 1979", "3 de mayo de 1979", "3 maggio 1979", "1979/05/03");
  }

  @Test
  void yearsAreCalendarYearsAtTheTurnOfTheYear() {
    // 2024-12-30 is in week 1 of week-based year 2025: a YYYY pattern would print 2025
    LocalDate d = LocalDate.of(2024, 12, 30);
    for (int f = 0; f < HumanDateFormats.count(); f++) {
      String s = HumanDateFormats.format(d, f);
      assertThat(s).as(HumanDateFormats.describe().get(f)).doesNotContain("2025")
          .doesNotContain("/25").doesNotContain(".25").doesNotContain(" 25");
    }
  }

  @Test
  void everyDateFitsTxAndUsesOnlyKnownCharacters() {
    int[] row = new int[DateVocabulary.SOURCE_STEPS];
    for (LocalDate d = LocalDate.of(2000, 1, 1); d.getYear() == 2000; d = d.plusDays(1)) {
      for (int f = 0; f < HumanDateFormats.count(); f++) {
        String s = HumanDateFormats.format(d, f);
        assertThat(s.length()).as(s).isLessThanOrEqualTo(DateVocabulary.SOURCE_STEPS);
        DateVocabulary.encodeSource(s, row, 0);
        for (int id : row) {
          assertThat(id).as(s).isNotEqualTo(DateVocabulary.UNKNOWN);
        }
      }
    }
  }

  @Test
  void splitsShareNoDateAndAreSeeded() {
    DateSplits a = new DateSplits(5L, 2000, 1000);
    Set<String> test = new HashSet<>();
    a.test().forEach(e -> test.add(e.iso()));
    assertThat(test).hasSize(2000);
    Set<String> validation = new HashSet<>();
    a.validation().forEach(e -> validation.add(e.iso()));
    assertThat(validation).hasSize(1000);
    assertThat(Collections.disjoint(validation, test)).isTrue();
    Set<String> train = new HashSet<>();
    a.trainingDates().forEach(d -> train.add(d.toString()));
    assertThat(Collections.disjoint(train, test)).isTrue();
    assertThat(Collections.disjoint(train, validation)).isTrue();
    assertThat(train.size() + 3000).isEqualTo(36525);
    DateSplits b = new DateSplits(5L, 2000, 1000);
    assertThat(b.test()).isEqualTo(a.test());
    DateExample drawn = a.drawTraining(new Random(1));
    assertThat(train).contains(drawn.iso());
    assertThatThrownBy(() -> new DateSplits(1L, 36000, 1000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("36525");
  }

  @Test
  void vocabularyEncodesAndDecodes() {
    int[] row = new int[DateVocabulary.SOURCE_STEPS];
    assertThat(DateVocabulary.encodeSource("3 MAI 1979 ☃", row, 0)).isEqualTo(12);
    assertThat(row[0]).isEqualTo(2 + DateVocabulary.SOURCE_CHARS.indexOf('3'));
    assertThat(row[2]).isEqualTo(2 + DateVocabulary.SOURCE_CHARS.indexOf('m'));
    assertThat(row[11]).isEqualTo(DateVocabulary.UNKNOWN);
    assertThat(row[12]).isEqualTo(DateVocabulary.PAD);
    assertThat(DateVocabulary.encodeSource("x".repeat(40), row, 0)).isEqualTo(30);
    int[] y = DateVocabulary.encodeTarget("1979-05-03");
    assertThat(DateVocabulary.decodeTarget(y)).isEqualTo("1979-05-03");
    assertThatThrownBy(() -> DateVocabulary.encodeTarget("1979/05/03"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1979/05/03");
  }
}

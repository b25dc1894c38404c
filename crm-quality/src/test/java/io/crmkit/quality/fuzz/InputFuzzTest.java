package io.crmkit.quality.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.crmkit.core.error.ValidationException;
import io.crmkit.quality.mapping.ColumnMapping;
import io.crmkit.quality.mapping.RowMapper;
import io.crmkit.quality.normalize.EmailNormalizer;
import io.crmkit.quality.normalize.NameNormalizer;
import io.crmkit.quality.normalize.PhoneNormalizer;
import io.crmkit.quality.normalize.Text;
import io.crmkit.quality.source.RecordReader;
import io.crmkit.quality.source.SourceFormat;
import io.crmkit.quality.source.SourceRecord;
import io.crmkit.quality.testing.GeneratedFeed;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;

/**
 * Fuzz targets for everything that reads outside data: the CSV and JSON Lines readers (with the
 * row mapper behind them), the mapping file parser and the normalisers. The contract: nothing
 * escapes but the library's {@link ValidationException}. Plain {@code mvn test} replays the saved
 * corpus under {@code src/test/resources/io/crmkit/quality/fuzz/InputFuzzTestInputs/}; run with
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class InputFuzzTest {
    private static final RowMapper MAPPER = new RowMapper(ColumnMapping.parse(GeneratedFeed.MAPPING), LocalDate.of(2026, 12, 1));
    private static final PhoneNormalizer PHONES = PhoneNormalizer.forRegion("CN");

    @FuzzTest(maxDuration = "30s")
    void csvReader(byte[] data) {
        read(SourceFormat.CSV, data);
    }

    @FuzzTest(maxDuration = "30s")
    void jsonLinesReader(byte[] data) {
        read(SourceFormat.JSONL, data);
    }

    private static void read(SourceFormat format, byte[] data) {
        try (RecordReader r = RecordReader.open(format, new ByteArrayInputStream(data))) {
            SourceRecord rec;
            int n = 0;
            while ((rec = r.next()) != null && n++ < 10_000) {
                MAPPER.map(rec);
            }
        } catch (ValidationException expected) {
            // the library's own refusal of an unreadable file
        }
    }

    @FuzzTest(maxDuration = "30s")
    void normalisers(FuzzedDataProvider data) {
        String s = data.consumeRemainingAsString();
        NameNormalizer.normalize(s);
        NameNormalizer.tokenKey(s);
        EmailNormalizer.canonical(s);
        try {
            PHONES.toE164(s, "phone");
        } catch (ValidationException expected) {
            // not a phone number
        }
        try {
            EmailNormalizer.canonical(EmailNormalizer.normalize(s, "email"));
        } catch (ValidationException expected) {
            // not an e-mail
        }
        try {
            Text.clean(s, "text");
        } catch (ValidationException expected) {
            // control characters or too long
        }
    }

    @FuzzTest(maxDuration = "30s")
    void mappingFile(FuzzedDataProvider data) {
        try {
            ColumnMapping.parse(data.consumeRemainingAsString());
        } catch (ValidationException expected) {
            // a bad mapping file, named entry by entry
        }
    }
}

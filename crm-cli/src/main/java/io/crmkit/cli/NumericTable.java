package io.crmkit.cli;

import io.crmkit.core.error.StoreException;
import io.crmkit.core.error.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A CSV file of numbers with a header line, as the analytics commands read it: comma-separated,
 * no quoting, an optional {@code id} column of text keys, every other column a finite number.
 * Errors name the option the file came from, the line and the column, never a cell's value
 * (a key may be personal data). Immutable once read.
 */
final class NumericTable {
    private final List<String> columns;
    private final String[] ids;
    private final double[][] values; // by column

    private NumericTable(List<String> columns, String[] ids, double[][] values) {
        this.columns = columns;
        this.ids = ids;
        this.values = values;
    }

    /**
     * Reads {@code file}, given by {@code option} (named in every error).
     *
     * @throws ValidationException when the file is empty, a header repeats a column, a row has
     *                             the wrong number of cells or a cell is not a finite number
     * @throws StoreException      when the file cannot be read
     */
    static NumericTable read(Path file, String option) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                throw ValidationException.of(option, "Header", "the file is empty; its first line must name the columns");
            }
            String[] names = split(header.strip());
            int idColumn = -1;
            List<String> columns = new ArrayList<>();
            for (int c = 0; c < names.length; c++) {
                String name = names[c].strip();
                if (name.isEmpty()) {
                    throw ValidationException.of(option, "Header", "column " + (c + 1) + " of the header has no name");
                }
                if (name.equals("id")) {
                    idColumn = c;
                } else if (columns.contains(name)) {
                    throw ValidationException.of(option, "Header", "column '" + name + "' is named twice");
                } else {
                    columns.add(name);
                }
            }
            List<String> ids = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = split(line.strip());
                if (cells.length != names.length) {
                    throw ValidationException.of(option, "Columns", String.format(Locale.ROOT,
                            "line %d has %d cells, the header %d", number, cells.length, names.length));
                }
                double[] row = new double[columns.size()];
                int k = 0;
                for (int c = 0; c < cells.length; c++) {
                    if (c == idColumn) {
                        ids.add(cells[c].strip());
                        continue;
                    }
                    row[k] = number(cells[c].strip(), option, number, columns.get(k));
                    k++;
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                throw ValidationException.of(option, "Rows", "the file has a header but no rows");
            }
            double[][] byColumn = new double[columns.size()][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    byColumn[c][r] = rows.get(r)[c];
                }
            }
            return new NumericTable(List.copyOf(columns), idColumn < 0 ? null : ids.toArray(String[]::new), byColumn);
        } catch (NoSuchFileException e) {
            throw ValidationException.of(option, "Exists", "the file does not exist");
        } catch (IOException e) {
            throw new StoreException("the file given by " + option + " cannot be read", false);
        }
    }

    private static String[] split(String line) {
        return line.split(",", -1);
    }

    private static double number(String cell, String option, int line, String column) {
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, without the cell's text
        }
        throw ValidationException.of(option, "Number", String.format(Locale.ROOT,
                "line %d, column '%s' is not a finite number", line, column));
    }

    int rows() {
        return values.length == 0 ? 0 : values[0].length;
    }

    List<String> columns() {
        return columns;
    }

    /** The id column, or null when the file has none. */
    String[] ids() {
        return ids == null ? null : ids.clone();
    }

    boolean has(String column) {
        return columns.contains(column);
    }

    /**
     * The named column's values.
     *
     * @throws ValidationException naming {@code option} when the file has no such column
     */
    double[] column(String column, String option) {
        int c = columns.indexOf(column);
        if (c < 0) {
            throw ValidationException.of(option, "Column", "the file has no column '" + column + "' (its columns: "
                    + String.join(", ", columns) + ")");
        }
        return Arrays.copyOf(values[c], values[c].length);
    }
}

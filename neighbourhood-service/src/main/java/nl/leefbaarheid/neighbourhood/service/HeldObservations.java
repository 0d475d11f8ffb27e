package nl.leefbaarheid.neighbourhood.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.domain.Observed;

/**
 * The observations of one source that an import has just stored for areas that had none of that source before, held
 * compactly in memory (some 10 bytes an observation: a national Leefbaarometer file's 920,000 in about 10 MB): all there is
 * of that source for those areas, so their recalculation takes these and reads only the other sources' from the
 * database, instead of reading back what it has just written.
 */
public final class HeldObservations {

    private final String source;
    private final Map<String, Series> byArea = new HashMap<>();
    private final List<String> indicators = new ArrayList<>();
    private final List<String> periods = new ArrayList<>();
    private final List<LocalDate> starts = new ArrayList<>();

    public HeldObservations(String source) {
        this.source = source;
    }

    /** None held: every observation is read from the database. */
    public static HeldObservations none() {
        return new HeldObservations(null);
    }

    public String source() {
        return source;
    }

    public boolean holds(String areaCode) {
        return byArea.containsKey(areaCode);
    }

    /** One observation of an area (no complex, corporation or respondents: public figures of a file). */
    public void add(String areaCode, String indicator, String period, LocalDate start, double value, Integer livabilityClass) {
        int i = indexOf(indicators, indicator);
        int p = indexOf(periods, period);
        if (p == starts.size()) {
            starts.add(start);
        }
        byArea.computeIfAbsent(areaCode, code -> new Series()).add((byte) i, (short) p, value,
                livabilityClass == null ? 0 : livabilityClass.byteValue());
    }

    /** The observations held of an area, let go of: each area is recalculated once. */
    public List<Observed> take(String areaCode) {
        Series series = byArea.remove(areaCode);
        List<Observed> observed = new ArrayList<>(series == null ? 0 : series.size);
        for (int k = 0; series != null && k < series.size; k++) {
            observed.add(new Observed(indicators.get(series.indicator[k]), periods.get(series.period[k]), starts.get(series.period[k]),
                    series.value[k], series.livabilityClass[k] == 0 ? null : (int) series.livabilityClass[k], null, null));
        }
        return observed;
    }

    private static int indexOf(List<String> values, String value) {
        int i = values.indexOf(value); // a file has 7 indicators and some 9 years
        if (i < 0) {
            values.add(value);
            return values.size() - 1;
        }
        return i;
    }

    /** The observations of one area, as parallel arrays. */
    private static final class Series {
        byte[] indicator = new byte[8];
        short[] period = new short[8];
        double[] value = new double[8];
        byte[] livabilityClass = new byte[8];
        int size;

        void add(byte i, short p, double v, byte k) {
            if (size == value.length) {
                int capacity = size * 2;
                indicator = Arrays.copyOf(indicator, capacity);
                period = Arrays.copyOf(period, capacity);
                value = Arrays.copyOf(value, capacity);
                livabilityClass = Arrays.copyOf(livabilityClass, capacity);
            }
            indicator[size] = i;
            period[size] = p;
            value[size] = v;
            livabilityClass[size] = k;
            size++;
        }
    }
}

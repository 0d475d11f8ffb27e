package nl.leefbaarheid.partner.service;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The values of native query columns as the API records hold them, whichever Java type the driver chose. */
final class Columns {

    private Columns() {
    }

    static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp t ? t.toInstant()
                : value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}

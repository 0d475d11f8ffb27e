package nl.leefbaarheid.platform.sql;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * A query over plain JDBC, for the hot reads (status reads, rankings), the recalculations that read thousands of rows
 * and the processed-event ids of every batch a consumer takes:
 * there the ORM's work per query and per row cost more than the database's. A {@code String[]} or {@code Long[]}
 * parameter becomes a PostgreSQL array.
 */
public final class SqlRows {

    private SqlRows() {
    }

    /** Reads one row of a result. */
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** The query on the connection of the current transaction (the ORM's session), past the ORM. */
    public static <T> List<T> query(EntityManager em, String sql, List<?> parameters, Row<T> row) {
        return em.unwrap(Session.class).doReturningWork(connection -> query(connection, sql, parameters, row));
    }

    public static <T> List<T> query(Connection connection, String sql, List<?> parameters, Row<T> row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                List<T> found = new ArrayList<>();
                while (result.next()) {
                    found.add(row.read(result));
                }
                return found;
            }
        }
    }

    /** A statement that returns no rows, on the connection of the current transaction; returns how many rows it changed. */
    public static int update(EntityManager em, String sql, List<?> parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    private static void bind(Connection connection, PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object parameter = parameters.get(i);
            if (parameter instanceof String[] texts) {
                statement.setArray(i + 1, connection.createArrayOf("varchar", texts));
            } else if (parameter instanceof Long[] numbers) {
                statement.setArray(i + 1, connection.createArrayOf("bigint", numbers));
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
    }

    /** Every column of the row, as the driver gives it. */
    public static Object[] columns(ResultSet row) throws SQLException {
        Object[] columns = new Object[row.getMetaData().getColumnCount()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = row.getObject(c + 1);
        }
        return columns;
    }
}

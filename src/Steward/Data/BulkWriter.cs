using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Steward.Data;

/// <summary>A column of a bulk write: its name and the CLR type of its values.</summary>
public sealed record BulkColumn(string Name, Type Type);

/// <summary>The table and columns of an entity's properties, from the EF model (so names never drift from the schema).</summary>
public sealed record BulkTable(string Table, IReadOnlyList<BulkColumn> Columns)
{
    public static BulkTable For<T>(StewardDbContext db, params string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        return new BulkTable(table, [.. properties.Select(name =>
        {
            var property = entity.FindProperty(name) ?? throw new InvalidOperationException($"{typeof(T).Name}.{name} is not mapped.");
            var type = property.GetProviderClrType() ?? property.ClrType;
            return new BulkColumn(property.GetColumnName(store)!, Nullable.GetUnderlyingType(type) ?? type);
        })]);
    }
}

/// <summary>
/// Writes many rows fast, in the caller's transaction: binary COPY on PostgreSQL, one prepared
/// statement re-executed per row on SQLite. For set-based jobs (imports, scoring) where EF's change
/// tracker would cost more than the work itself. Values must already be in column order.
/// </summary>
public static class BulkWriter
{
    public static Task<int> InsertAsync(StewardDbContext db, BulkTable table, IEnumerable<object?[]> rows, CancellationToken ct) =>
        InsertAsync(db, table.Table, table.Columns, rows, ct);

    public static async Task<int> InsertAsync(StewardDbContext db, string table, IReadOnlyList<BulkColumn> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return db.Database.IsNpgsql()
            ? await CopyAsync((NpgsqlConnection)connection, table, columns, rows, ct)
            : await InsertPreparedAsync(connection, db.Database.CurrentTransaction?.GetDbTransaction(), table, columns, rows, ct);
    }

    /// <summary>
    /// SQLite only: inserts each row unless its unique key is taken (INSERT … ON CONFLICT DO
    /// NOTHING) and says which rows went in. SQLite checks the unique index on every insert anyway,
    /// so this costs what a plain insert does and spares a lookup beforehand.
    /// </summary>
    public static async Task<bool[]> InsertUnlessTakenAsync(StewardDbContext db, BulkTable table, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) throw new NotSupportedException("PostgreSQL imports find existing keys first and COPY the new rows.");
        var inserted = new bool[rows.Count];
        if (rows.Count == 0) return inserted;
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var sql = $"{InsertSql(table.Table, table.Columns)} ON CONFLICT DO NOTHING";
        await ExecutePreparedAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), sql, table.Columns.Count, rows, ct, inserted);
        return inserted;
    }

    /// <summary>
    /// Sets the given columns of existing rows: the table's first column is the (indexed) key the
    /// rows are found by, the others are the values written. On PostgreSQL the rows are copied into a
    /// temporary table and applied in one UPDATE; on SQLite a prepared UPDATE runs per row.
    /// </summary>
    public static async Task<int> UpdateAsync(StewardDbContext db, BulkTable table, IReadOnlyCollection<object?[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var key = $"\"{table.Columns[0].Name}\"";
        var values = table.Columns.Skip(1).Select(c => $"\"{c.Name}\"").ToList();
        if (!db.Database.IsNpgsql())
        {
            var perRow = $"UPDATE \"{table.Table}\" SET {string.Join(", ", values.Select((v, i) => $"{v} = $p{i + 1}"))} WHERE {key} = $p0";
            return await ExecutePreparedAsync(connection, db.Database.CurrentTransaction?.GetDbTransaction(), perRow, table.Columns.Count, rows, ct);
        }

        // A temporary table shaped like the target's columns (names and types, no constraints).
        const string Scratch = "steward_bulk_update";
        // Names come from the EF model (BulkTable), never from data.
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        var create = $"DROP TABLE IF EXISTS pg_temp.{Scratch}; CREATE TEMP TABLE {Scratch} AS SELECT {columns} FROM \"{table.Table}\" WITH NO DATA";
        await db.Database.ExecuteSqlRawAsync(create, ct);
        await CopyAsync((NpgsqlConnection)connection, Scratch, table.Columns, rows, ct);
        var update = $"UPDATE \"{table.Table}\" t SET {string.Join(", ", values.Select(v => $"{v} = s.{v}"))} FROM {Scratch} s WHERE t.{key} = s.{key}";
        var updated = await BulkWork.WithIndexLookupsAsync(db, () => db.Database.ExecuteSqlRawAsync(update, ct), ct);
        await db.Database.ExecuteSqlRawAsync($"DROP TABLE pg_temp.{Scratch}", ct);
        return updated;
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, string table, IReadOnlyList<BulkColumn> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var types = columns.Select(c => PostgresType(c.Type)).ToArray();
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        var count = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(sql, ct))
        {
            foreach (var row in rows)
            {
                // The synchronous writes only fill Npgsql's buffer (and block briefly when it is sent):
                // an awaited call per value costs more CPU than the value itself, CPU the database
                // server on the same small machine could use.
                ct.ThrowIfCancellationRequested();
                importer.StartRow();
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is null) importer.WriteNull();
                    else importer.Write(row[i] is Enum e ? e.ToString() : row[i]!, types[i]);
                }
                count++;
            }
            await importer.CompleteAsync(ct);
        }
        return count;
    }

    private static Task<int> InsertPreparedAsync(DbConnection connection, DbTransaction? transaction, string table, IReadOnlyList<BulkColumn> columns, IEnumerable<object?[]> rows, CancellationToken ct) =>
        ExecutePreparedAsync(connection, transaction, InsertSql(table, columns), columns.Count, rows, ct);

    private static string InsertSql(string table, IReadOnlyList<BulkColumn> columns) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";

    /// <summary>
    /// Runs one statement with parameters $p0…$pN once per row; returns the rows it changed, and
    /// notes in <paramref name="changedRows"/> which input rows changed any.
    /// </summary>
    private static async Task<int> ExecutePreparedAsync(DbConnection connection, DbTransaction? transaction, string sql, int parameterCount, IEnumerable<object?[]> rows, CancellationToken ct, bool[]? changedRows = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = Enumerable.Range(0, parameterCount).Select(i =>
        {
            var p = command.CreateParameter();
            p.ParameterName = $"$p{i}";
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        command.Prepare();
        var count = 0;
        var index = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++) parameters[i].Value = SqliteValue(row[i]);
            var changed = await command.ExecuteNonQueryAsync(ct);
            if (changedRows is not null) changedRows[index] = changed > 0;
            count += changed;
            index++;
        }
        return count;
    }

    /// <summary>The same representations EF's SQLite provider uses (decimals are REAL in Steward's SQLite model).</summary>
    private static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        decimal d => (double)d,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        _ => value,
    };

    private static NpgsqlDbType PostgresType(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => NpgsqlDbType.Integer,
        var t when t == typeof(long) => NpgsqlDbType.Bigint,
        var t when t == typeof(decimal) => NpgsqlDbType.Numeric,
        var t when t == typeof(double) => NpgsqlDbType.Double,
        var t when t == typeof(bool) => NpgsqlDbType.Boolean,
        var t when t == typeof(DateTime) => NpgsqlDbType.TimestampTz,
        var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
        _ => NpgsqlDbType.Text,
    };
}

using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Steward.Data;
using Steward.Features.Revenue;

namespace Steward.Features.Import.Importers;

/// <summary>
/// Finds the stored lines of a batch's keys in one statement: the keys travel as arrays
/// (PostgreSQL) or one JSON array (SQLite) and are joined to the unique key index of the revenue
/// lines, so the cost follows the batch, not the size of the table.
/// </summary>
public static class StoredRevenueLines
{
    public static async Task<Dictionary<RevenueKey, StoredRevenueLine>> FindAsync(StewardDbContext db, int jobId, IReadOnlyCollection<RevenueKey> keys, CancellationToken ct)
    {
        var found = new Dictionary<RevenueKey, StoredRevenueLine>();
        if (keys.Count == 0) return found;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var postgres = db.Database.IsNpgsql();
        var lines = db.Model.FindEntityType(typeof(RevenueLine))!.GetTableName();
        var before = db.Model.FindEntityType(typeof(RevenueLineBefore))!.GetTableName();
        // Table names come from the EF model; the keys and the job are parameters. Each key is one
        // lookup in the unique index, so the cost follows the batch, not the table.
        var select = $"""
            SELECT r."Id", r."AccountId", r."Period", r."ProductKey", r."Amount", r."Currency", r."Margin", r."Product",
                   (COALESCE(r."CreatedByImportId", 0) = @job
                    OR EXISTS (SELECT 1 FROM "{before}" b WHERE b."JobId" = @job AND b."LineId" = r."Id")) AS "Mine"
            """;
        if (postgres)
        {
            command.CommandText = $"""
                {select}
                FROM unnest(@accounts, @periods, @products) AS k("AccountId", "Period", "ProductKey")
                CROSS JOIN LATERAL (SELECT * FROM "{lines}" l
                    WHERE l."AccountId" = k."AccountId" AND l."Period" = k."Period" AND l."ProductKey" = k."ProductKey" LIMIT 1) r
                """;
            var parameters = ((NpgsqlCommand)command).Parameters;
            parameters.Add(new NpgsqlParameter<int[]>("accounts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. keys.Select(k => k.AccountId)] });
            parameters.Add(new NpgsqlParameter<DateOnly[]>("periods", NpgsqlDbType.Array | NpgsqlDbType.Date) { TypedValue = [.. keys.Select(k => k.Period)] });
            parameters.Add(new NpgsqlParameter<string[]>("products", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. keys.Select(k => k.ProductKey)] });
        }
        else
        {
            // CROSS JOIN keeps the keys as SQLite's outer loop.
            command.CommandText = $"""
                {select}
                FROM json_each(@keys) AS k CROSS JOIN "{lines}" r
                WHERE r."AccountId" = json_extract(k.value, '$[0]') AND r."Period" = json_extract(k.value, '$[1]') AND r."ProductKey" = json_extract(k.value, '$[2]')
                """;
            Add(command, "@keys", KeysAsJson(keys));
        }
        Add(command, "@job", jobId);

        return await BulkWork.WithIndexLookupsAsync(db, async () =>
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var period = postgres ? reader.GetFieldValue<DateOnly>(2) : DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var key = new RevenueKey(reader.GetInt32(1), period, reader.GetString(3));
                found[key] = new StoredRevenueLine(reader.GetInt64(0), reader.GetDecimal(4), reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetDecimal(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetBoolean(8));
            }
            return found;
        }, ct);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>[[account, "yyyy-MM-dd", product key], …]: the periods as SQLite stores them.</summary>
    private static string KeysAsJson(IEnumerable<RevenueKey> keys)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var key in keys)
            {
                json.WriteStartArray();
                json.WriteNumberValue(key.AccountId);
                json.WriteStringValue(key.Period.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteStringValue(key.ProductKey);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

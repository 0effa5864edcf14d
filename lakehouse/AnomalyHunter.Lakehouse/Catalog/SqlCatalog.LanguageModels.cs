using System.Data;
using System.Globalization;
using AnomalyHunter.Lakehouse.Catalog.Investigation;

namespace AnomalyHunter.Lakehouse.Catalog;

/// <summary>Language-model call records and the response cache.</summary>
public abstract partial class SqlCatalog
{
    /// <inheritdoc />
    public async Task<long> RecordLlmCallAsync(LlmCallRecord call, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await using var cmd = Command(connection, tx, Sql("inv_llm_call_insert"));
        Param(cmd, "@run", call.RunId, DbType.String);
        Param(cmd, "@anomaly", call.AnomalyId, DbType.String);
        Param(cmd, "@agent", call.Agent, DbType.String);
        Param(cmd, "@endpoint", call.Endpoint, DbType.String);
        Param(cmd, "@region", call.Region, DbType.String);
        Param(cmd, "@model", call.Model, DbType.String);
        Param(cmd, "@prompt_version", call.PromptVersion, DbType.String);
        Param(cmd, "@sha", call.RequestSha256, DbType.String);
        Param(cmd, "@prompt_tokens", call.PromptTokens, DbType.Int64);
        Param(cmd, "@completion_tokens", call.CompletionTokens, DbType.Int64);
        Param(cmd, "@cost", call.Cost, DbType.Double);
        Param(cmd, "@outcome", call.Outcome, DbType.String);
        Param(cmd, "@error", call.Error, DbType.String);
        Param(cmd, "@started", call.StartedAtMs, DbType.Int64);
        Param(cmd, "@duration", call.DurationMs, DbType.Int64);
        long id = Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        await tx.CommitAsync(cancellationToken);
        return id;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LlmCallRecord>> ListLlmCallsAsync(string? runId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("inv_llm_calls_list"));
        Param(cmd, "@run", runId, DbType.String);
        var list = new List<LlmCallRecord>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new LlmCallRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.GetString(7), r.GetString(8), r.GetInt64(9), r.GetInt64(10), r.GetDouble(11), r.GetString(12),
                NullableString(r, 13), r.GetInt64(14), r.GetInt64(15)));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<LlmCacheEntry?> GetCachedResponseAsync(string cacheKey, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("inv_llm_cache_get"));
        Param(cmd, "@key", cacheKey, DbType.String);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new LlmCacheEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7));
    }

    /// <inheritdoc />
    public async Task PutCachedResponseAsync(LlmCacheEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await using var cmd = Command(connection, tx, Sql("inv_llm_cache_put"));
        Param(cmd, "@key", entry.CacheKey, DbType.String);
        Param(cmd, "@agent", entry.Agent, DbType.String);
        Param(cmd, "@model", entry.Model, DbType.String);
        Param(cmd, "@prompt_version", entry.PromptVersion, DbType.String);
        Param(cmd, "@response", entry.ResponseJson, DbType.String);
        Param(cmd, "@prompt_tokens", entry.PromptTokens, DbType.Int64);
        Param(cmd, "@completion_tokens", entry.CompletionTokens, DbType.Int64);
        Param(cmd, "@created", entry.CreatedAtMs, DbType.Int64);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }
}

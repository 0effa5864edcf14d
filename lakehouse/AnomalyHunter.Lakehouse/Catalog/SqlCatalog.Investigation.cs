using System.Data;
using System.Data.Common;
using System.Globalization;
using AnomalyHunter.Lakehouse.Catalog.Investigation;

namespace AnomalyHunter.Lakehouse.Catalog;

/// <summary>Investigation results: verdicts, findings, feedback, learned weights, model calls and the response cache.</summary>
public abstract partial class SqlCatalog : IInvestigationStore
{
    private const int AllRows = 1_000_000;

    /// <inheritdoc />
    public async Task SaveVerdictAsync(VerdictRecord verdict, IReadOnlyList<FindingRecord> findings, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await using (var cmd = Command(connection, tx, Sql("inv_verdict_upsert")))
        {
            Param(cmd, "@id", verdict.VerdictId, DbType.String);
            Param(cmd, "@anomaly", verdict.AnomalyId, DbType.String);
            Param(cmd, "@run", verdict.RunId, DbType.String);
            Param(cmd, "@series", verdict.SeriesId, DbType.Int64);
            Param(cmd, "@created", verdict.CreatedAtMs, DbType.Int64);
            Param(cmd, "@decision", verdict.Decision, DbType.String);
            Param(cmd, "@pattern", verdict.Pattern, DbType.String);
            Param(cmd, "@severity", (long)verdict.Severity, DbType.Int64);
            Param(cmd, "@confidence", verdict.Confidence, DbType.Double);
            Param(cmd, "@snapshot", verdict.SnapshotId, DbType.Int64);
            Param(cmd, "@detector", verdict.Detector, DbType.String);
            Param(cmd, "@learning", (long)verdict.LearningVersion, DbType.Int64);
            Param(cmd, "@degraded", verdict.Degraded ? 1L : 0L, DbType.Int64);
            Param(cmd, "@json", verdict.VerdictJson, DbType.String);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var delete = Command(connection, tx, Sql("inv_findings_delete")))
        {
            Param(delete, "@id", verdict.VerdictId, DbType.String);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await ExecuteManyAsync(connection, tx, Sql("inv_finding_insert"), findings, (cmd, f) =>
        {
            Param(cmd, "@id", verdict.VerdictId, DbType.String);
            Param(cmd, "@agent", f.Agent, DbType.String);
            Param(cmd, "@source", f.Source, DbType.String);
            Param(cmd, "@confidence", f.Confidence, DbType.Double);
            Param(cmd, "@severity", (long)f.Severity, DbType.Int64);
            Param(cmd, "@json", f.FindingJson, DbType.String);
        }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<VerdictRecord?> GetVerdictAsync(string verdictId, CancellationToken cancellationToken) =>
        (await QueryVerdictsAsync(verdictId, new VerdictFilter { Limit = 1 }, cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public Task<IReadOnlyList<VerdictRecord>> ListVerdictsAsync(VerdictFilter filter, CancellationToken cancellationToken) =>
        QueryVerdictsAsync(null, filter, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<FindingRecord>> GetFindingsAsync(string verdictId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("inv_findings_get"));
        Param(cmd, "@id", verdictId, DbType.String);
        var list = new List<FindingRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new FindingRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), ReadInt(reader, 4), reader.GetString(5)));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> FindVerdictIdsAsync(IReadOnlyCollection<string> verdictIds, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        foreach (string[] chunk in InChunks(verdictIds.Distinct(StringComparer.Ordinal)))
        {
            await using var cmd = Command(connection, null, Sql("inv_verdict_ids"));
            BindInList(cmd, "{ids}", chunk, DbType.String);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(reader.GetString(0));
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<FeedbackRecord> AddFeedbackAsync(NewFeedback feedback, LearningUpdate update, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        int next = update.ExpectedVersion + 1;
        await using (var advance = Command(connection, tx, Sql("inv_learning_head_advance")))
        {
            Param(advance, "@next", (long)next, DbType.Int64);
            Param(advance, "@expected", (long)update.ExpectedVersion, DbType.Int64);
            if (await advance.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new CatalogConflictException(string.Create(CultureInfo.InvariantCulture,
                    $"The learned weights moved past version {update.ExpectedVersion} while this feedback was computed; give the feedback again."));
            }
        }

        long now = NowMs();
        long id;
        await using (var insert = Command(connection, tx, Sql("inv_feedback_insert")))
        {
            Param(insert, "@verdict_id", feedback.VerdictId, DbType.String);
            Param(insert, "@verdict", feedback.Verdict, DbType.String);
            Param(insert, "@note", feedback.Note, DbType.String);
            Param(insert, "@resolved_by", feedback.ResolvedBy, DbType.String);
            Param(insert, "@user", feedback.UserName, DbType.String);
            Param(insert, "@created", now, DbType.Int64);
            Param(insert, "@learning", (long)next, DbType.Int64);
            id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await using (var learning = Command(connection, tx, Sql("inv_learning_insert")))
        {
            Param(learning, "@version", (long)next, DbType.Int64);
            Param(learning, "@created", now, DbType.Int64);
            Param(learning, "@rule", update.Rule, DbType.String);
            Param(learning, "@feedback", id, DbType.Int64);
            Param(learning, "@state", update.StateJson, DbType.String);
            Param(learning, "@changes", update.ChangesJson, DbType.String);
            await learning.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return new FeedbackRecord(id, feedback.VerdictId, feedback.Verdict, feedback.Note, feedback.ResolvedBy, feedback.UserName, now, next);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FeedbackRecord>> ListFeedbackAsync(string? verdictId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("inv_feedback_list"));
        Param(cmd, "@verdict_id", verdictId, DbType.String);
        var list = new List<FeedbackRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new FeedbackRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), NullableString(reader, 3),
                NullableString(reader, 4), reader.GetString(5), reader.GetInt64(6), ReadInt(reader, 7)));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<int> CurrentLearningVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("inv_learning_head_get"));
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<LearningVersionRecord?> GetLearningVersionAsync(int version, CancellationToken cancellationToken) =>
        (await QueryLearningAsync(version, 1, cancellationToken)).FirstOrDefault();

    /// <inheritdoc />
    public Task<IReadOnlyList<LearningVersionRecord>> ListLearningVersionsAsync(int limit, CancellationToken cancellationToken) =>
        QueryLearningAsync(null, limit, cancellationToken);

    private async Task<IReadOnlyList<VerdictRecord>> QueryVerdictsAsync(string? verdictId, VerdictFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("inv_verdicts_list"));
        Param(cmd, "@id", verdictId, DbType.String);
        Param(cmd, "@run", filter.RunId, DbType.String);
        Param(cmd, "@anomaly", filter.AnomalyId, DbType.String);
        Param(cmd, "@decision", filter.Decision, DbType.String);
        Param(cmd, "@min_severity", filter.MinSeverity is int s ? s : null, DbType.Int64);
        Param(cmd, "@limit", (long)(filter.Limit ?? AllRows), DbType.Int64);
        var list = new List<VerdictRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new VerdictRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetString(5),
                reader.GetString(6), ReadInt(reader, 7), reader.GetDouble(8), reader.GetInt64(9), reader.GetString(10), ReadInt(reader, 11),
                reader.GetInt64(12) != 0, reader.GetString(13)));
        }

        return list;
    }

    private async Task<IReadOnlyList<LearningVersionRecord>> QueryLearningAsync(int? version, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("inv_learning_list"));
        Param(cmd, "@version", version is int v ? v : null, DbType.Int64);
        Param(cmd, "@limit", (long)limit, DbType.Int64);
        var list = new List<LearningVersionRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new LearningVersionRecord(ReadInt(reader, 0), reader.GetInt64(1), reader.GetString(2), NullableInt64(reader, 3),
                reader.GetString(4), reader.GetString(5)));
        }

        return list;
    }

    private static int ReadInt(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}

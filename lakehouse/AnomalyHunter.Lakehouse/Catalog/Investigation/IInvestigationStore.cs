namespace AnomalyHunter.Lakehouse.Catalog.Investigation;

/// <summary>
/// Investigation results in the catalog: verdicts and their findings, feedback, versioned learned weights, language-model
/// call records and the response cache. Every mutating method is one transaction.
/// </summary>
public interface IInvestigationStore
{
    /// <summary>Inserts or replaces a verdict and its findings.</summary>
    Task SaveVerdictAsync(VerdictRecord verdict, IReadOnlyList<FindingRecord> findings, CancellationToken cancellationToken);

    /// <summary>One verdict, or null when unknown.</summary>
    Task<VerdictRecord?> GetVerdictAsync(string verdictId, CancellationToken cancellationToken);

    /// <summary>The findings of a verdict, ordered by agent.</summary>
    Task<IReadOnlyList<FindingRecord>> GetFindingsAsync(string verdictId, CancellationToken cancellationToken);

    /// <summary>Verdicts matching the filter, newest first.</summary>
    Task<IReadOnlyList<VerdictRecord>> ListVerdictsAsync(VerdictFilter filter, CancellationToken cancellationToken);

    /// <summary>Which of these verdict ids are stored.</summary>
    Task<IReadOnlySet<string>> FindVerdictIdsAsync(IReadOnlyCollection<string> verdictIds, CancellationToken cancellationToken);

    /// <summary>
    /// Records feedback and, in the same transaction, the new learning version it produced; throws
    /// <see cref="CatalogConflictException"/> when another writer advanced the learning version first.
    /// </summary>
    Task<FeedbackRecord> AddFeedbackAsync(NewFeedback feedback, LearningUpdate update, CancellationToken cancellationToken);

    /// <summary>Feedback, oldest first; only on one verdict when <paramref name="verdictId"/> is given.</summary>
    Task<IReadOnlyList<FeedbackRecord>> ListFeedbackAsync(string? verdictId, CancellationToken cancellationToken);

    /// <summary>The current learning version (0 when nothing was learned yet).</summary>
    Task<int> CurrentLearningVersionAsync(CancellationToken cancellationToken);

    /// <summary>One learning version, or null when unknown (version 0 is never stored).</summary>
    Task<LearningVersionRecord?> GetLearningVersionAsync(int version, CancellationToken cancellationToken);

    /// <summary>The most recent learning versions, newest first.</summary>
    Task<IReadOnlyList<LearningVersionRecord>> ListLearningVersionsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Records a language-model call and returns its id.</summary>
    Task<long> RecordLlmCallAsync(LlmCallRecord call, CancellationToken cancellationToken);

    /// <summary>Language-model calls, oldest first; only of one run when <paramref name="runId"/> is given.</summary>
    Task<IReadOnlyList<LlmCallRecord>> ListLlmCallsAsync(string? runId, CancellationToken cancellationToken);

    /// <summary>A cached response, or null.</summary>
    Task<LlmCacheEntry?> GetCachedResponseAsync(string cacheKey, CancellationToken cancellationToken);

    /// <summary>Stores a response in the cache (the first one stored for a key wins).</summary>
    Task PutCachedResponseAsync(LlmCacheEntry entry, CancellationToken cancellationToken);
}

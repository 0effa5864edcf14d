namespace AnomalyHunter.Investigation.OpenAI;

/// <summary>A model's answer and the tokens billed for it.</summary>
internal sealed record ChatAnswer(string Content, long InputTokens, long OutputTokens);

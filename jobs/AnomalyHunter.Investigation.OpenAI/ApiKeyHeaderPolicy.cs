using System.ClientModel.Primitives;

namespace AnomalyHunter.Investigation.OpenAI;

/// <summary>Sends the key as the <c>api-key</c> header, as Azure OpenAI expects.</summary>
internal sealed class ApiKeyHeaderPolicy(string key) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("api-key", key);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("api-key", key);
        await ProcessNextAsync(message, pipeline, currentIndex);
    }
}

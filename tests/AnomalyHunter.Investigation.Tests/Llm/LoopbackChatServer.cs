using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnomalyHunter.Investigation.Tests.Llm;

/// <summary>
/// A chat-completions server on 127.0.0.1 (port 0) speaking the OpenAI wire protocol: it checks that requests ask for
/// JSON-schema structured output, records every body, and answers with whatever the test's script says (a finding, an
/// HTTP error, a delay, or malformed content).
/// </summary>
internal sealed class LoopbackChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedReply> _script = new();
    private int _requests;

    private LoopbackChatServer(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Bodies { get; } = new();

    public int Requests => Volatile.Read(ref _requests);

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>What to answer when the script is empty.</summary>
    public ScriptedReply Default { get; set; } = ScriptedReply.Finding();

    public static async Task<LoopbackChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackChatServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    public void Enqueue(params ScriptedReply[] replies)
    {
        foreach (var r in replies)
        {
            _script.Enqueue(r);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        string body = await reader.ReadToEndAsync(http.RequestAborted);
        Bodies.Enqueue(body);
        using var request = JsonDocument.Parse(body);
        var root = request.RootElement;
        var format = root.GetProperty("response_format");
        if (format.GetProperty("type").GetString() != "json_schema" || !format.GetProperty("json_schema").GetProperty("strict").GetBoolean())
        {
            http.Response.StatusCode = 400;
            await http.Response.WriteAsync("{\"error\":{\"message\":\"structured output expected\",\"type\":\"invalid_request_error\"}}", http.RequestAborted);
            return;
        }

        var reply = _script.TryDequeue(out var next) ? next : Default;
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, http.RequestAborted);
        }

        http.Response.ContentType = "application/json";
        if (reply.Status != 200)
        {
            http.Response.StatusCode = reply.Status;
            http.Response.Headers["retry-after-ms"] = "10";
            await http.Response.WriteAsync($"{{\"error\":{{\"message\":\"scripted {reply.Status}\",\"type\":\"server_error\"}}}}", http.RequestAborted);
            return;
        }

        string user = root.GetProperty("messages")[1].GetProperty("content").ValueKind == JsonValueKind.String
            ? root.GetProperty("messages")[1].GetProperty("content").GetString()!
            : root.GetProperty("messages")[1].GetProperty("content")[0].GetProperty("text").GetString()!;
        string series = JsonDocument.Parse(user).RootElement.GetProperty("series").GetString()!;
        string content = reply.Content ?? ScriptedReply.FindingJson(series);
        var response = new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_767_225_600,
            model = root.GetProperty("model").GetString(),
            choices = new[] { new { index = 0, message = new { role = "assistant", content, refusal = (string?)null }, finish_reason = "stop", logprobs = (object?)null } },
            usage = new { prompt_tokens = reply.PromptTokens, completion_tokens = 200, total_tokens = reply.PromptTokens + 200 },
        };
        await http.Response.WriteAsync(JsonSerializer.Serialize(response), http.RequestAborted);
    }
}

using Serilog.Context;

namespace TrustFundManager.Api.Common;

/// <summary>
/// Takes the caller's <c>X-Correlation-Id</c> (or makes one), echoes it on the response, and puts it on
/// every log event and ProblemDetails of the request.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-Id";
    private const int MaxLength = 64;

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = Accept(context.Request.Headers[HeaderName].ToString()) ?? Guid.NewGuid().ToString("N");
        context.Items[HeaderName] = correlationId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = correlationId;
            return Task.CompletedTask;
        });

        using (LogContext.PushProperty("CorrelationId", correlationId))
            await next(context);
    }

    public static string? Of(HttpContext context) => context.Items[HeaderName] as string;

    /// <summary>Only short identifiers of safe characters are kept: the value ends up in logs and headers.</summary>
    private static string? Accept(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : null;
}

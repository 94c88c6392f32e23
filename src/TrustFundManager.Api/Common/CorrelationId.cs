using Serilog.Context;

namespace TrustFundManager.Api.Common;

/// <summary>
/// Gives every request a correlation id of the server's own, returned in <c>X-Correlation-Id</c> and put on every log
/// event, ProblemDetails and audit entry of the request. A caller's <c>X-Correlation-Id</c> is kept beside it, never
/// instead of it (a caller could otherwise make its entries look like another request's): logged as
/// <c>ClientCorrelationId</c>, returned in <c>X-Client-Correlation-Id</c> and in ProblemDetails.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-Id";
    public const string ClientHeaderName = "X-Client-Correlation-Id";
    private const string ClientItem = "ClientCorrelationId";
    private const int MaxLength = 64;

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = Guid.NewGuid().ToString("N");
        var clientId = Accept(context.Request.Headers[HeaderName].ToString());
        context.Items[HeaderName] = correlationId;
        if (clientId is not null) context.Items[ClientItem] = clientId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = correlationId;
            if (clientId is not null) context.Response.Headers[ClientHeaderName] = clientId;
            return Task.CompletedTask;
        });

        using (LogContext.PushProperty("CorrelationId", correlationId))
        using (clientId is null ? null : LogContext.PushProperty(ClientItem, clientId))
            await next(context);
    }

    public static string? Of(HttpContext context) => context.Items[HeaderName] as string;

    /// <summary>The caller's own correlation id, when it sent a safe one.</summary>
    public static string? ClientOf(HttpContext context) => context.Items[ClientItem] as string;

    /// <summary>Only short identifiers of safe characters are kept: the value ends up in logs and headers.</summary>
    private static string? Accept(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : null;
}

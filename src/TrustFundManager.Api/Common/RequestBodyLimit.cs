using Microsoft.AspNetCore.Http.Features;

namespace TrustFundManager.Api.Common;

/// <summary>
/// Refuses request bodies above <c>Api:MaxRequestBodyBytes</c> with a 413 problem: at once when the declared length
/// is too large, and while reading when a body of undeclared length (chunked) grows past the limit.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, ApiOptions options)
{
    private const int ChunkBytes = 16 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > options.MaxRequestBodyBytes) throw TooLarge();

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = options.MaxRequestBodyBytes;

        // A body of undeclared length is read here rather than by the endpoint: the endpoint's body binding takes a
        // failed read for a client that went away and ends the request without an answer, and a server without a
        // body-size feature (the test server) would not stop the read at all.
        if (context.Request.ContentLength is null && HasBodyOfUndeclaredLength(context))
            context.Request.Body = await ReadWithinLimitAsync(context.Request.Body, context.RequestAborted);
        await next(context);
    }

    private static bool HasBodyOfUndeclaredLength(HttpContext context) =>
        context.Request.Headers.TransferEncoding.Count > 0
        || context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;

    private async Task<Stream> ReadWithinLimitAsync(Stream body, CancellationToken ct)
    {
        var buffered = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffered.Length + read > options.MaxRequestBodyBytes) throw TooLarge();
            buffered.Write(chunk, 0, read);
        }
        buffered.Position = 0;
        return buffered;
    }

    private static BadHttpRequestException TooLarge() =>
        new("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
}

/// <summary>The <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

using Microsoft.AspNetCore.Http.Features;

namespace TrustFundManager.Api.Common;

/// <summary>
/// Refuses request bodies above <c>Api:MaxRequestBodyBytes</c>: at once with a 413 when the declared length
/// is too large, and through the server's body-size feature when a chunked body grows past the limit.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, ApiOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > options.MaxRequestBodyBytes)
            throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = options.MaxRequestBodyBytes;
        await next(context);
    }
}

/// <summary>The <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

namespace TrustFundManager.Api.Common;

/// <summary>
/// Tells browsers to trust the declared content type (<c>X-Content-Type-Options: nosniff</c>): the API returns what
/// users typed, markup included, as JSON, and a browser must never guess that it is HTML and run it. Responses under
/// <c>/api</c> carry what a signed-in user may see, so no cache (browser or proxy) keeps them: <c>no-store</c>.
/// </summary>
public sealed class ContentTypeOptionsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}

namespace TrustFundManager.Api.Common;

/// <summary>
/// Tells browsers to trust the declared content type (<c>X-Content-Type-Options: nosniff</c>): the API returns what
/// users typed, markup included, as JSON, and a browser must never guess that it is HTML and run it.
/// </summary>
public sealed class ContentTypeOptionsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace TrustFundManager.Api.Common;

/// <summary>
/// The body of an error status that was set without one (a 404 for an unknown path, a 405, a bare 400): a problem
/// document where the caller accepts one, else a line of text; a bare 400 for a query value that could not be read
/// names the value (<see cref="UnboundQueryValues"/>).
/// </summary>
public static class BareStatusAnswers
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problem = http.Response.StatusCode == StatusCodes.Status400BadRequest ? UnboundQueryValues.ProblemFor(http) : null;
        var written = await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem ?? new ProblemDetails { Status = http.Response.StatusCode },
        });
        if (!written)
            await http.Response.WriteAsync(
                $"Status Code: {http.Response.StatusCode}; {ReasonPhrases.GetReasonPhrase(http.Response.StatusCode)}");
    }
}

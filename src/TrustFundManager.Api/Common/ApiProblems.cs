using Microsoft.AspNetCore.Http.HttpResults;

namespace TrustFundManager.Api.Common;

/// <summary>The ProblemDetails answers endpoints give themselves; the rest come from the exception handler.</summary>
public static class ApiProblems
{
    /// <summary>Also the answer for what the caller may not see, so that identifiers do not leak.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}

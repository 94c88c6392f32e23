using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TrustFundManager.Api.OpenApi;

/// <summary>What the document says about itself: the API's name, purpose, and contact, and servers without a trailing slash.</summary>
public sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    /// <summary>What each group of operations is about (the tags the endpoints declare).</summary>
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>
    {
        ["Concept notes"] = "Governments' concept notes: drafting, versions, submission, the FMU's screening and the workflow steps.",
        ["Steering Committee"] = "The committee's members and composition, ballots, votes, conflicts of interest and decisions.",
        ["Funding"] = "Donors, contributions and deposits, funding targets, the funding status, the pipeline and allocations.",
        ["Joint programmes"] = "Funded programmes: transfers to the participating organizations, expenditure and the programme's steps.",
        ["Results"] = "Results matrices, progress reports and the fund's results summary.",
        ["Reports"] = "The Excel workbooks: funding status, pipeline, portfolio and a programme's results matrix.",
        ["IATI"] = "The fund and its programmes as an IATI 2.03 activity file.",
        ["Reference data"] = "Thematic areas, GCM objectives, guiding principles, constituencies, countries, organizations and settings.",
        ["Workflows"] = "The workflow definitions, their diagrams, and workflow instances with their history and actions.",
        ["Tasks"] = "The caller's inbox: the steps waiting for their role within their scope.",
        ["Identity"] = "Who the caller is: roles and scope.",
        ["Audit log"] = "Every change saved, with who made it and when.",
        ["Development sign-in"] = "Development only: demo users and their tokens.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken)
    {
        document.Info.Title = "TrustFundManager API";
        document.Info.Description =
            "The Migration Multi-Partner Trust Fund's pipeline: concept notes from governments, the FMU's screening, " +
            "the Steering Committee's ballots and decisions, contributions and the funding status, joint programmes, " +
            "their results and progress reports, the Excel workbooks and the IATI file. Every call needs a bearer " +
            "token; errors are RFC 9457 problem details (application/problem+json), with `errors` by field for 400 " +
            "and for conflicts the caller can fix. See docs/integrators.md.";
        document.Info.Contact = new OpenApiContact
        {
            Name = "Fund Management Unit, Migration MPTF",
            Url = new Uri("https://mptf.undp.org/fund/mig00"),
        };
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
                tag.Description = description;
        return Task.CompletedTask;
    }
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TrustFundManager.Api.OpenApi;

/// <summary>What the document says about itself: the API's name, purpose, and contact, and servers without a trailing slash.</summary>
public sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
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
        return Task.CompletedTask;
    }
}

using System.Reflection;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.GeneratedClient;

/// <summary>
/// The API on the demo database, and the client generated from the document that host serves, compiled once for
/// the test class.
/// </summary>
public sealed class GeneratedClientFixture : IAsyncLifetime
{
    public SqliteApiFactory Api { get; } = SqliteApiFactory.InEnvironment("Development",
        new Dictionary<string, string> { ["Seed:Demo"] = "true" });

    /// <summary>The compiled client: <c>Partner.TrustFund.TrustFundClient</c> and the document's schemas as classes.</summary>
    public Assembly Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        using var http = Api.CreateClient();
        var document = await http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Client = ClientGenerator.Compile(await ClientGenerator.GenerateAsync(document));
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

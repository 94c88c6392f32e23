using System.Net;
using System.Text.RegularExpressions;
using TrustFundManager.Testing;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace TrustFundManager.Api.Tests.Workflows;

public sealed class WorkflowDefinitionEndpointTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_fund_workflows_are_listed_with_their_stored_versions_and_instance_counts()
    {
        await api.StartAsync(workflow: "joint-programme");
        using var client = await api.CreateClientAsAsync("puno.iom");

        var workflows = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/workflows", Ct));

        Assert.Equal(["ballot", "concept-note", "joint-programme", "progress-report"], workflows.EnumerateArray().Select(w => w.GetProperty("id").GetString()));
        var programme = workflows[2];
        Assert.Equal(2, programme.GetProperty("currentVersion").GetInt32());
        var versions = programme.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.All(versions, v => Assert.Matches("^[0-9a-f]{64}$", v.GetProperty("contentHash").GetString()));
        var current = Assert.Single(versions, v => v.GetProperty("isCurrent").GetBoolean());
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.True(current.GetProperty("instances").GetInt32() >= 1);
    }

    [Fact]
    public async Task One_version_reads_whole_and_unknown_ones_get_404()
    {
        using var client = await api.CreateClientAsAsync("gov.mex");

        var read = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/workflows/concept-note/versions/1", Ct));

        var definition = read.GetProperty("definition");
        Assert.Equal("draft", definition.GetProperty("initialState").GetString());
        Assert.Equal(11, definition.GetProperty("states").GetArrayLength());
        var lapse = definition.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "lapse");
        Assert.Equal(["System"], lapse.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("/api/workflows/concept-note/versions/1/diagram", read.GetProperty("diagramHref").GetString());

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/workflows/concept-note/versions/9", Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/workflows/grant/versions/1/diagram", Ct), HttpStatusCode.NotFound);
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/workflows", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_diagram_is_Mermaid_generated_from_the_definition()
    {
        using var client = await api.CreateClientAsAsync("sc.deu");

        var response = await client.GetAsync("/api/workflows/concept-note/versions/1/diagram", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var diagram = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("stateDiagram-v2", diagram);
        Assert.Contains("screening --> returnedForRevision : returnForRevision", diagram);
        Assert.Contains("returnedForRevision --> withdrawn : lapse", diagram);
        Assert.Contains("[*] --> draft", diagram);
    }

    [Fact]
    public void The_diagrams_in_the_workflow_readme_are_the_generated_ones()
    {
        var catalog = api.Services.GetRequiredService<WorkflowCatalog>();
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "workflows", "README.md")).ReplaceLineEndings("\n");

        foreach (var file in catalog.Files)
        {
            var marker = $"<!-- diagram: {file.Definition.Id}.v{file.Definition.Version} -->";
            var block = DiagramAfter(Regex.Escape(marker)).Match(readme);
            Assert.True(block.Success, $"workflows/README.md has no diagram after '{marker}'.");
            Assert.True(WorkflowMachine.Diagram(file.Definition) == block.Groups["diagram"].Value.TrimEnd(),
                $"The diagram of {file.FileName} in workflows/README.md is out of date; the generated one is:\n" +
                WorkflowMachine.Diagram(file.Definition));
        }
    }

    private static Regex DiagramAfter(string marker) =>
        new(marker + "\\n```mermaid\\n(?<diagram>.*?)\\n```", RegexOptions.Singleline);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TrustFundManager.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}

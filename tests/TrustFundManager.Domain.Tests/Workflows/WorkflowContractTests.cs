using System.Text.Json.Nodes;
using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Domain.Tests.Workflows;

/// <summary>A definition version that lacks a state or action the code relies on by name is refused when loading.</summary>
public sealed class WorkflowContractTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("trustfund-contracts-").FullName;

    private static readonly WorkflowContract Sample = new("sample", ["draft", "closed"], ["submit"])
    {
        ReliedOnBy = "the sample code",
    };

    private static WorkflowVocabulary VocabularyWith(params WorkflowContract[] contracts) => new(
        WorkflowRoles.Known.ToHashSet(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(),
        Contracts: contracts);

    private static JsonObject Definition(int version, string closedState = "closed", string submitAction = "submit") =>
        JsonNode.Parse($$"""
        {
          "id": "sample", "version": {{version}}, "title": "Sample", "initialState": "draft",
          "states": [
            { "name": "draft", "title": "Draft", "visibleTo": ["GovernmentFocalPoint"] },
            { "name": "{{closedState}}", "title": "Closed", "terminal": true }
          ],
          "actions": [
            { "name": "{{submitAction}}", "title": "Submit", "from": ["draft"], "to": "{{closedState}}", "roles": ["GovernmentFocalPoint"] }
          ]
        }
        """)!.AsObject();

    private void Write(JsonObject definition) =>
        File.WriteAllText(Path.Combine(_directory, $"sample.v{definition["version"]}.json"), definition.ToJsonString());

    [Fact]
    public void Versions_that_keep_every_name_load()
    {
        Write(Definition(1));
        Write(Definition(2));

        var catalog = WorkflowCatalog.Load(_directory, VocabularyWith(Sample));

        Assert.Equal(2, catalog.Latest("sample").Version);
    }

    [Fact]
    public void A_new_version_that_renames_a_state_the_code_relies_on_is_refused_naming_the_file_and_the_state()
    {
        Write(Definition(1));
        Write(Definition(2, closedState: "finished"));

        var error = Assert.Throws<WorkflowDefinitionException>(() => WorkflowCatalog.Load(_directory, VocabularyWith(Sample)));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("sample.v2.json", problem.File);
        Assert.Equal("state 'closed' is missing, and the sample code relies on it by name.", problem.Message);
        Assert.Contains("sample.v2.json: state 'closed' is missing", error.Message);
    }

    [Fact]
    public void An_old_version_that_lacks_an_action_the_code_relies_on_is_refused_too()
    {
        // Running instances stay on the version they started with, so the code meets every version, not only the latest.
        Write(Definition(1, submitAction: "send"));
        Write(Definition(2));

        var error = Assert.Throws<WorkflowDefinitionException>(() => WorkflowCatalog.Load(_directory, VocabularyWith(Sample)));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("sample.v1.json", problem.File);
        Assert.Equal("action 'submit' is missing, and the sample code relies on it by name.", problem.Message);
    }

    [Fact]
    public void A_workflow_the_code_relies_on_with_no_definition_at_all_is_refused()
    {
        Write(Definition(1));
        var missing = new WorkflowContract("grant-agreement", ["signed"], []);

        var error = Assert.Throws<WorkflowDefinitionException>(
            () => WorkflowCatalog.Load(_directory, VocabularyWith(Sample, missing)));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("grant-agreement.v1.json", problem.File);
        Assert.Contains("no version of workflow 'grant-agreement' was found", problem.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

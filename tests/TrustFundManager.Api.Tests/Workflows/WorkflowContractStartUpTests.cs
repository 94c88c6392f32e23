using System.Text.Json.Nodes;
using TrustFundManager.Infrastructure.Workflows;
using TrustFundManager.Testing;
using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Api.Tests.Workflows;

/// <summary>
/// For each workflow the code relies on: a new version of its file that renames every state and action the code
/// names (consistently, so the file is otherwise valid) stops start-up, naming the file and each missing name.
/// </summary>
public sealed class WorkflowContractStartUpTests : IDisposable
{
    private readonly string _database = SqliteApiFactory.NewDirectory();
    private readonly string _workflows = WorkflowTestSupport.CopyOfWorkflows();

    public static TheoryData<string> Workflows() => new(WorkflowContracts.All.Select(c => c.WorkflowId));

    [Theory]
    [MemberData(nameof(Workflows))]
    public async Task A_new_version_without_the_names_the_code_relies_on_stops_start_up(string workflowId)
    {
        var contract = WorkflowContracts.All.Single(c => c.WorkflowId == workflowId);
        var latest = Directory.GetFiles(_workflows, $"{workflowId}.v*.json")
            .Select(path => JsonNode.Parse(File.ReadAllText(path))!.AsObject())
            .MaxBy(d => (int)d["version"]!)!;
        var newVersion = (int)latest["version"]! + 1;
        var text = latest.ToJsonString();
        foreach (var name in contract.States.Concat(contract.Actions))
            text = text.Replace($"\"{name}\"", $"\"{name}Renamed\"", StringComparison.Ordinal);
        var renamed = JsonNode.Parse(text)!.AsObject();
        renamed["version"] = newVersion;
        var fileName = $"{workflowId}.v{newVersion}.json";
        await File.WriteAllTextAsync(Path.Combine(_workflows, fileName), renamed.ToJsonString(), TestContext.Current.CancellationToken);

        var error = await StartUpFailsAsync();

        Assert.All(error.Problems, p => Assert.Equal(fileName, p.File));
        var expected = contract.States.Select(s => $"state '{s}' is missing")
            .Concat(contract.Actions.Select(a => $"action '{a}' is missing")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, error.Problems.Select(p => p.Message[..p.Message.IndexOf(',')]).Order(StringComparer.Ordinal).ToList());
        Assert.All(error.Problems, p => Assert.EndsWith("relies on it by name.", p.Message));
    }

    private async Task<WorkflowDefinitionException> StartUpFailsAsync()
    {
        await using var host = SqliteApiFactory.OnDirectory(_database,
            new Dictionary<string, string> { ["Workflows:Directory"] = _workflows });
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        for (Exception? e = error; e is not null; e = e.InnerException)
            if (e is WorkflowDefinitionException definitionError) return definitionError;
        throw new Xunit.Sdk.XunitException($"Start-up failed for another reason: {error}");
    }

    public void Dispose()
    {
        SqliteApiFactory.DeleteDirectory(_database);
        SqliteApiFactory.DeleteDirectory(Path.GetDirectoryName(_workflows)!);
    }
}

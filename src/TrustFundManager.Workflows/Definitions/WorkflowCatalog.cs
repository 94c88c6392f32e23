using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TrustFundManager.Workflows.Definitions;

/// <summary>One definition file as read from disk, with the hash that pins its content.</summary>
public sealed record WorkflowFile(string FileName, WorkflowDefinition Definition, string Content, string ContentHash)
{
    /// <summary>SHA-256 of the text with line endings made uniform, so a checkout on another OS hashes alike.</summary>
    public static string HashOf(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ReplaceLineEndings("\n"))));
}

/// <summary>Every valid definition, by id and version. Loaded once at start-up.</summary>
public sealed partial class WorkflowCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private readonly Dictionary<(string Id, int Version), WorkflowFile> _files;

    public WorkflowCatalog(IReadOnlyList<WorkflowFile> files)
    {
        Files = files.OrderBy(f => f.Definition.Id, StringComparer.Ordinal).ThenBy(f => f.Definition.Version).ToList();
        _files = Files.ToDictionary(f => (f.Definition.Id, f.Definition.Version));
    }

    public IReadOnlyList<WorkflowFile> Files { get; }

    public WorkflowDefinition? Find(string id, int version) =>
        _files.TryGetValue((id, version), out var file) ? file.Definition : null;

    public WorkflowDefinition Get(string id, int version) =>
        Find(id, version) ?? throw new InvalidOperationException($"No workflow '{id}' version {version} is loaded.");

    /// <summary>The version new instances start on: the highest.</summary>
    public WorkflowDefinition Latest(string id) =>
        Files.LastOrDefault(f => f.Definition.Id == id)?.Definition
        ?? throw new InvalidOperationException($"No workflow '{id}' is loaded.");

    /// <summary>Reads every <c>*.json</c> definition in <paramref name="directory"/> and validates them together.</summary>
    /// <exception cref="WorkflowDefinitionException">Any file is unreadable or invalid.</exception>
    public static WorkflowCatalog Load(string directory, WorkflowVocabulary vocabulary)
    {
        if (!Directory.Exists(directory))
            throw new WorkflowDefinitionException([new WorkflowProblem(directory, "the workflow directory does not exist.")]);

        var problems = new List<WorkflowProblem>();
        var files = new List<WorkflowFile>();
        var paths = Directory.GetFiles(directory, "*.json").Where(p => DefinitionFileName().IsMatch(Path.GetFileName(p)));
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            var content = File.ReadAllText(path);
            try
            {
                var definition = JsonSerializer.Deserialize<WorkflowDefinition>(content, JsonOptions)
                                 ?? throw new JsonException("the file holds null.");
                files.Add(new WorkflowFile(fileName, definition, content, WorkflowFile.HashOf(content)));
            }
            catch (JsonException e)
            {
                problems.Add(new WorkflowProblem(fileName, $"not a valid definition: {e.Message}"));
            }
        }

        if (files.Count == 0 && problems.Count == 0)
            problems.Add(new WorkflowProblem(directory, "no workflow definition (<id>.v<N>.json) was found."));

        problems.AddRange(WorkflowDefinitionValidator.Validate(files, vocabulary));
        if (problems.Count > 0) throw new WorkflowDefinitionException(problems);
        return new WorkflowCatalog(files);
    }

    /// <summary>Definition files are named <c>&lt;id&gt;.v&lt;N&gt;.json</c>; other JSON (the schema) is not one.</summary>
    [GeneratedRegex(@"\.v\d+\.json$")]
    private static partial Regex DefinitionFileName();
}

namespace TrustFundManager.Workflows.Instances;

/// <summary>A definition version as first stored: its content hash pins the file from then on.</summary>
public sealed class StoredWorkflowDefinition
{
    private StoredWorkflowDefinition()
    {
        Id = FileName = ContentHash = Content = string.Empty;
    }

    public StoredWorkflowDefinition(string id, int version, string fileName, string contentHash, string content,
        DateTimeOffset storedAt)
    {
        Id = id;
        Version = version;
        FileName = fileName;
        ContentHash = contentHash;
        Content = content;
        StoredAt = storedAt;
    }

    public string Id { get; private set; }
    public int Version { get; private set; }
    public string FileName { get; private set; }
    public string ContentHash { get; private set; }
    public string Content { get; private set; }
    public DateTimeOffset StoredAt { get; private set; }
}

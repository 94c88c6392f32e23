using System.Text.Json;
using System.Text.Json.Serialization;
using TrustFundManager.Domain.Auditing;

namespace TrustFundManager.Domain.ConceptNotes;

/// <summary>What was submitted, kept whole at each submission and resubmission; never changed.</summary>
public sealed class ConceptNoteVersion : IAppendOnlyRecord
{
    public static readonly JsonSerializerOptions ContentJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private ConceptNoteVersion()
    {
        Action = SubmittedBy = SubmittedByName = Content = string.Empty;
    }

    internal ConceptNoteVersion(ConceptNote note, int number, string action, string actor, string actorName,
        DateTimeOffset now) : this()
    {
        ConceptNoteId = note.Id;
        Number = number;
        Action = action;
        SubmittedBy = actor;
        SubmittedByName = actorName;
        SubmittedAt = now;
        Content = JsonSerializer.Serialize(note.Content, ContentJson);
    }

    public Guid ConceptNoteId { get; private set; }

    /// <summary>1 for the first submission, then one more for each resubmission.</summary>
    public int Number { get; private set; }

    /// <summary>The workflow action that submitted it (submit or resubmit).</summary>
    public string Action { get; private set; }
    public string SubmittedBy { get; private set; }
    public string SubmittedByName { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>The <see cref="ConceptNoteContent"/> as submitted, in JSON.</summary>
    public string Content { get; private set; }

    public ConceptNoteContent ReadContent() =>
        JsonSerializer.Deserialize<ConceptNoteContent>(Content, ContentJson)
        ?? throw new InvalidOperationException($"Version {Number} of concept note {ConceptNoteId} holds no content.");
}

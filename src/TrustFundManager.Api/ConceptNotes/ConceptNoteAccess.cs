namespace TrustFundManager.Api.ConceptNotes;

/// <summary>
/// Links to a concept note for the API folders that still build them here; each moves to
/// <see cref="Application.ConceptNotes.ConceptNoteAccess"/> as its use cases move to the application.
/// </summary>
public static class ConceptNoteAccess
{
    public static string Href(Guid id) => Application.ConceptNotes.ConceptNoteAccess.Href(id);
}

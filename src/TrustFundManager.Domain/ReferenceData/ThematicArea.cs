namespace TrustFundManager.Domain.ReferenceData;

/// <summary>One of the fund's thematic areas; it groups GCM objectives.</summary>
public sealed class ThematicArea
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 2000;

    private ThematicArea()
    {
        Title = string.Empty;
    }

    public ThematicArea(int number, string title, string? description = null)
    {
        if (number < 1) throw new ArgumentOutOfRangeException(nameof(number), "Area numbers start at 1.");
        Number = number;
        Title = Text.Required(title, "title", TitleMaxLength);
        Description = Text.Optional(description, "description", DescriptionMaxLength);
    }

    public int Number { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }

    /// <summary>
    /// Changes whenever an objective joins or leaves the area. Stored as a concurrency token, so that two
    /// moves decided on the same view of the mapping cannot both be saved and leave the area empty.
    /// </summary>
    public Guid MembershipVersion { get; private set; } = Guid.NewGuid();

    internal void MembershipChanged() => MembershipVersion = Guid.NewGuid();

    public void Rename(string title, string? description)
    {
        Title = Text.Required(title, "title", TitleMaxLength);
        Description = Text.Optional(description, "description", DescriptionMaxLength);
    }
}

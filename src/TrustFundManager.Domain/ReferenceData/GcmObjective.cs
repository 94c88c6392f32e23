namespace TrustFundManager.Domain.ReferenceData;

/// <summary>One of the 23 objectives of the Global Compact for Migration; it belongs to exactly one thematic area.</summary>
public sealed class GcmObjective
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 2000;

    private GcmObjective()
    {
        Title = string.Empty;
    }

    public GcmObjective(int number, string title, int thematicAreaNumber, string? description = null)
    {
        if (number < 1) throw new ArgumentOutOfRangeException(nameof(number), "Objective numbers start at 1.");
        Number = number;
        Title = Text.Required(title, "title", TitleMaxLength);
        Description = Text.Optional(description, "description", DescriptionMaxLength);
        ThematicAreaNumber = thematicAreaNumber;
    }

    public int Number { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }

    /// <summary>The one area this objective belongs to. Changed only through <see cref="ThematicFramework"/>.</summary>
    public int ThematicAreaNumber { get; private set; }

    public void Rename(string title, string? description)
    {
        Title = Text.Required(title, "title", TitleMaxLength);
        Description = Text.Optional(description, "description", DescriptionMaxLength);
    }

    internal void MoveTo(int thematicAreaNumber) => ThematicAreaNumber = thematicAreaNumber;
}

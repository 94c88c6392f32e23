namespace TrustFundManager.Workflows.Instances;

/// <summary>
/// The workflow of one resource (a concept note, a joint programme): its state and the definition version it
/// runs on, which never changes once started.
/// </summary>
public sealed class WorkflowInstance
{
    public const int TitleMaxLength = 300;

    private WorkflowInstance()
    {
        DefinitionId = State = SubjectTitle = Countries = Organizations = VisibleRoles = string.Empty;
    }

    internal WorkflowInstance(string definitionId, int definitionVersion, Guid subjectId, string subjectTitle,
        WorkflowScope scope, string initialState, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        DefinitionId = definitionId;
        DefinitionVersion = definitionVersion;
        SubjectId = subjectId;
        SubjectTitle = subjectTitle;
        State = initialState;
        StartedAt = UpdatedAt = now;
        Version = Guid.NewGuid();
        Countries = Organizations = VisibleRoles = string.Empty;
        Rescope(scope);
    }

    public Guid Id { get; private set; }
    public string DefinitionId { get; private set; }
    public int DefinitionVersion { get; private set; }

    /// <summary>The resource the workflow drives; the definition id says what kind of resource it is.</summary>
    public Guid SubjectId { get; private set; }
    public string SubjectTitle { get; private set; }

    /// <summary>Set only through the state machine.</summary>
    public string State { get; internal set; }

    /// <summary>How many steps were taken: the journal entries are numbered 0 (the start) to this.</summary>
    public int Step { get; private set; }

    /// <summary>Changes with every step: two steps taken at once cannot both be saved.</summary>
    public Guid Version { get; private set; }

    /// <summary>ISO 3166-1 alpha-3 codes, encoded by <see cref="WorkflowScope.Encode"/>.</summary>
    public string Countries { get; private set; }

    /// <summary>Organization codes, encoded by <see cref="WorkflowScope.Encode"/>.</summary>
    public string Organizations { get; private set; }

    /// <summary>
    /// The roles that see the instance in its current state (the state's <c>visibleTo</c>), each between
    /// separators (";GovernmentFocalPoint;"), so that a list filters by role and scope in SQL.
    /// </summary>
    public string VisibleRoles { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public WorkflowScope Scope => new(WorkflowScope.Decode(Countries), WorkflowScope.Decode(Organizations));

    /// <summary>The resource's owner changes what it covers (its countries or organizations) or its title.</summary>
    public void Describe(string subjectTitle, WorkflowScope scope)
    {
        SubjectTitle = subjectTitle.Length > TitleMaxLength ? subjectTitle[..TitleMaxLength] : subjectTitle;
        Rescope(scope);
    }

    public bool CoversCountry(string? country) =>
        country is not null && Countries.Contains(WorkflowScope.Token(country), StringComparison.Ordinal);

    public bool CoversOrganization(string? organization) =>
        organization is not null && Organizations.Contains(WorkflowScope.Token(organization), StringComparison.Ordinal);

    internal void ShowTo(IReadOnlyCollection<string> roles) =>
        VisibleRoles = roles.Count == 0 ? string.Empty : string.Concat(roles.Distinct().Select(WorkflowTask.RoleToken));

    internal int NextStep(DateTimeOffset now)
    {
        Step++;
        UpdatedAt = now;
        Version = Guid.NewGuid();
        return Step;
    }

    private void Rescope(WorkflowScope scope)
    {
        Countries = WorkflowScope.Encode(scope.Countries);
        Organizations = WorkflowScope.Encode(scope.Organizations);
    }
}

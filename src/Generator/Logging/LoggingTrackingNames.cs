namespace DistriC.Generator.Logging
{
    /// <summary>Names of the logging pipeline steps (public so incrementality tests can look them up).</summary>
    public static class LoggingTrackingNames
    {
        /// <summary>What was read from each <c>[LogEvent]</c> method: its model, or its stand-in when rejected.</summary>
        public const string Declarations = "LogEventDeclarations";

        /// <summary>Stand-ins of rejected methods grouped by containing type, one generated file each.</summary>
        public const string StandIns = "LogEventStandIns";

        /// <summary>One parsed model per <c>[LogEvent]</c> method.</summary>
        public const string Methods = "LogEventMethods";

        /// <summary>Models grouped by containing type, one generated file each.</summary>
        public const string Types = "LogEventTypes";
    }
}

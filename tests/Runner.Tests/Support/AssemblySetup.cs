// Notebooks run in-process redirect Console and the current directory, which are process-wide.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]

package org.xmppd.sint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.igniterealtime.smack.inttest.AbstractSmackIntTest;
import org.igniterealtime.smack.inttest.FailedTest;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework.ConcreteTest;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework.TestRunResult;
import org.igniterealtime.smack.inttest.SuccessfulTest;
import org.igniterealtime.smack.inttest.TestNotPossible;

/**
 * What one SINT run of (part of) a test class produced.
 *
 * @param testClass the class run
 * @param result    SINT's results, possibly partial; null when the run never started
 * @param abort     what ended the run early, or null when it completed
 */
record SintRun(Class<? extends AbstractSmackIntTest> testClass, TestRunResult result, Throwable abort) {

    /**
     * SINT found the whole class impossible here (its constructor said so, e.g. no MUC service);
     * SINT then aborts with "no tests selected", which is no failure.
     */
    boolean classNotPossible() {
        return result != null && result.getImpossibleTestClasses().containsKey(testClass);
    }

    /** The outcome of each concrete test that reported one. */
    List<TestOutcome> outcomes() {
        List<TestOutcome> outcomes = new ArrayList<>();
        if (result == null) {
            return outcomes;
        }
        String specification = SintSuite.specificationOf(testClass);
        for (SuccessfulTest test : result.getSuccessfulTests()) {
            outcomes.add(new TestOutcome(key(test.concreteTest), specification, TestOutcome.Status.PASSED, null));
        }
        for (FailedTest test : result.getFailedTests()) {
            outcomes.add(new TestOutcome(key(test.concreteTest), specification, TestOutcome.Status.FAILED,
                    describe(test.failureReason)));
        }
        for (TestNotPossible test : result.getNotPossibleTests()) {
            outcomes.add(new TestOutcome(key(test.concreteTest), specification, TestOutcome.Status.SKIPPED,
                    describe(test.testNotPossibleException)));
        }
        for (Map.Entry<Class<? extends AbstractSmackIntTest>, Throwable> entry
                : result.getImpossibleTestClasses().entrySet()) {
            // The class could not be set up (e.g. no MUC service): each of its tests is skipped.
            SintSuite.testMethods(entry.getKey()).forEach(method -> outcomes.add(new TestOutcome(
                    testClass.getSimpleName() + "." + method.getName(), specification,
                    TestOutcome.Status.SKIPPED, describe(entry.getValue()))));
        }
        return outcomes;
    }

    private String key(ConcreteTest test) {
        String key = testClass.getSimpleName() + "." + test.getMethod().getName();
        return test.getSubdescriptons().isEmpty() ? key : key + "[" + String.join(",", test.getSubdescriptons()) + "]";
    }

    /** One line: the exception's type and the first line of its message. */
    static String describe(Throwable throwable) {
        if (throwable == null) {
            return "";
        }
        String message = throwable.getMessage();
        if (message == null && throwable.getCause() != null) {
            return describe(throwable.getCause());
        }
        String firstLine = message == null ? "" : message.strip().lines().findFirst().orElse("");
        return throwable.getClass().getSimpleName() + (firstLine.isEmpty() ? "" : ": " + firstLine);
    }
}

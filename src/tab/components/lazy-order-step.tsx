import { Component, Suspense, lazy } from 'react';
import type { ErrorInfo, ReactElement, ReactNode } from 'react';
import type { ApiFailure } from '../api/api-failure.js';
import { ApiFailureMessage } from './api-failure-message.js';
import { LoadingState } from './loading-state.js';
import type { StepPanelProps } from './step-panel.js';

/**
 * The order step carries the validation rules and libphonenumber's metadata:
 * loaded on demand, and fetched in the background as soon as the wizard
 * shows, so it is usually there before the admin opens the step.
 */
const loadOrderStep = () => import('./order-step.js');
const OrderStepPanel = lazy(() => loadOrderStep().then((module) => ({ default: module.OrderStep })));

export function preloadOrderStep(): void {
  loadOrderStep().catch(() => undefined);
}

export function LazyOrderStep(props: StepPanelProps): ReactElement {
  return (
    <ChunkErrorBoundary host={props.host}>
      <Suspense fallback={<LoadingState />}>
        <OrderStepPanel {...props} />
      </Suspense>
    </ChunkErrorBoundary>
  );
}

interface BoundaryProps {
  readonly host: StepPanelProps['host'];
  readonly children: ReactNode;
}

/** A chunk that failed to download (offline, a new deployment) needs a page reload; say so instead of a blank step. */
class ChunkErrorBoundary extends Component<BoundaryProps, { failure?: ApiFailure }> {
  override state: { failure?: ApiFailure } = {};

  static getDerivedStateFromError(error: unknown): { failure: ApiFailure } {
    return { failure: { kind: 'network', detail: error instanceof Error ? error.message : String(error) } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('The order step failed to load', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failure === undefined) return this.props.children;
    return <ApiFailureMessage failure={this.state.failure} host={this.props.host} onRetry={() => window.location.reload()} />;
  }
}

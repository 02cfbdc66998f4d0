// No React in this page's own code: the widget mounts into a div and unmounts on a button.
import { mountLoginWidget, type MountedLoginWidget } from 'cognito-xstate';
import 'cognito-xstate/style.css';
import { poolFromQuery } from './poolFromQuery.ts';

const element = document.getElementById('login')!;
let widget: MountedLoginWidget | undefined;

function mount(): void {
  widget?.unmount();
  widget = mountLoginWidget(element, {
    ...poolFromQuery(),
    onSrpEngine: (report) => {
      document.body.dataset.srpEngine = report.engine;
    },
  });
}

document.getElementById('mount')!.addEventListener('click', mount);
document.getElementById('unmount')!.addEventListener('click', () => {
  widget?.unmount();
  widget = undefined;
});
mount();

import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/client.js';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ message, title, color: 'green', autoClose: 3000 });
}

export function notifyError(e: unknown, title = 'That did not work'): void {
  notifications.show({ message: errorMessage(e), title, color: 'red', autoClose: 6000 });
}

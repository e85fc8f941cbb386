import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@app/config';
import { startNotificationsService } from './bootstrap';
import { NotificationsEnvironment } from './config/notifications.environment';

void startNotificationsService(loadEnvironmentOrExit(NotificationsEnvironment, 'notifications'));
